/** The site's icon: a five-pointed gold star on the brand's blue, as on an emulation flag. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="#0b3a6e"/>
<path fill="#f2b705" d="M32 9l6.5 16.1 17.3 1.2-13.3 11.1 4.2 16.9L32 45.1l-14.7 9.2 4.2-16.9L8.2 26.3l17.3-1.2z"/>
</svg>`;
