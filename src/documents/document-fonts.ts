import { dirname, join } from 'node:path';

/**
 * Tinos, the serif metric-compatible with Times New Roman (the font Decree 30/2020 prescribes), with every
 * Vietnamese letter; it ships as TTF files in an npm package, so PDFs render the same on any machine. The DOCX
 * names Times New Roman itself, which Word and LibreOffice have (or substitute by Tinos's metrics).
 */
const tinos = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

export const PDF_FONT = 'Tinos';

export const PDF_FONT_FILES = {
  normal: join(tinos, '400Regular', 'Tinos_400Regular.ttf'),
  bold: join(tinos, '700Bold', 'Tinos_700Bold.ttf'),
  italics: join(tinos, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  bolditalics: join(tinos, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
};

export const DOCX_FONT = 'Times New Roman';
