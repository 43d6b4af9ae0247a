import { escapeHtml, html, raw } from '../../../src/web/html';
import { localPath } from '../../../src/web/web-response';

describe('html templates', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'quotes' \`tick\``;
    const out = html`<p title="${name}">${name}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;</p>',
    );
    expect(out).not.toContain('<script>');
  });

  it('nests templates without escaping them twice, joins arrays, drops null, undefined and false', () => {
    const t = html; // (not named html: Prettier would reformat the markup under test)
    const items = ['a<b', 'c&d'];
    const out = t`<ul>${items.map((i) => t`<li>${i}</li>`)}</ul>${null}${undefined}${false}${0}`.value;
    expect(out).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>0');
  });

  it('leaves markup alone only when the code says so', () => {
    expect(html`${raw('<br>')}${'<br>'}`.value).toBe('<br>&lt;br&gt;');
    expect(escapeHtml('Nam Định – "Cờ"')).toBe('Nam Định – &quot;Cờ&quot;');
  });
});

describe('localPath (where to go after signing in or switching language)', () => {
  it.each([
    ['/app/nominations?year=2023', '/app/nominations?year=2023'],
    ['/app', '/app'],
    ['//evil.example/app', '/app'],
    ['https://evil.example/app', '/app'],
    ['/app\\..\\evil', '/app'],
    ['/application', '/app'],
    ['/docs', '/app'],
    [undefined, '/app'],
  ])('%s → %s', (given, expected) => {
    expect(localPath(given)).toBe(expected);
  });
});
