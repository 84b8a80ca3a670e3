import { describe, expect, it } from 'vitest';
import { authorizePostPage, bootPage } from './launch-pages.ts';

describe('bootPage', () => {
  it('inserts the bootstrap before </head> and escapes anything that could close the script', () => {
    const page = bootPage('<html><head><title>x</title></head><body></body></html>', {
      launchId: 'abc</script><script>alert(1)</script>',
      sessionToken: 'tok',
    });
    expect(page).toContain('<script id="rp-boot" type="application/json">');
    expect(page).not.toContain('</script><script>alert(1)');
    const json = /<script id="rp-boot" type="application\/json">(.+?)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(json)).toEqual({
      launchId: 'abc</script><script>alert(1)</script>',
      sessionToken: 'tok',
    });
    expect(page.indexOf('rp-boot')).toBeLessThan(page.indexOf('</head>'));
  });
});

describe('authorizePostPage', () => {
  it('escapes field values into hidden inputs', () => {
    const page = authorizePostPage('https://ehr.example/authorize', [
      ['launch', 'a"b<c>'],
      ['state', 's'],
    ]);
    expect(page).toContain('action="https://ehr.example/authorize"');
    expect(page).toContain('<input type="hidden" name="launch" value="a&quot;b&lt;c&gt;" />');
    expect(page).toContain('src="/launch/auto-submit.js"');
  });
});
