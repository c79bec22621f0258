// The running-tasks page as the build embeds it (scripts/build.mjs): src/app/page.html with its style and script
// minified by esbuild, its comments dropped and the space between tags removed. The data block stays as it is: the
// server fills it in (src/app/page.ts).
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';

export const PAGE_SOURCE = new URL('../src/app/page.html', import.meta.url);

export async function builtPage() {
  let html = readFileSync(PAGE_SOURCE, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const style = /<style>([\s\S]*?)<\/style>/.exec(html);
  const script = /<script>([\s\S]*?)<\/script>/.exec(html);
  if (!style || !script) throw new Error('src/app/page.html: expected one <style> and one plain <script>');
  const css = (await transform(style[1], { loader: 'css', minify: true, target: 'chrome120' })).code.trim();
  const js = (await transform(script[1], { loader: 'js', minify: true, target: 'es2022' })).code.trim();
  html = html.replace(style[0], () => `<style>${css}</style>`).replace(script[0], () => `<script>${js}</script>`);
  return html.replace(/>\s+</g, '><').trim() + '\n';
}
