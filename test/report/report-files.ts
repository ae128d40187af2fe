/** Helpers for tests that read a written report folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every file under `dir`, report-relative. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [relative(base, full)];
  });
}

/** Every href/src of a page with the file it points to (local links only). */
export function localTargets(reportDir: string, page: string): Array<{ ref: string; file: string; hash: string }> {
  // Script bodies (the inlined vega builds) are code, not markup: only tags count.
  const html = readFileSync(join(reportDir, page), 'utf8').replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  const refs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  return refs
    .filter((ref) => !/^[a-z][a-z0-9+.-]*:/i.test(ref))
    .map((ref) => {
      const [path, hash = ''] = ref.split('#');
      return { ref, file: path ? resolve(dirname(join(reportDir, page)), path) : join(reportDir, page), hash };
    });
}

/** Local links that point to a missing file or a missing #id. */
export function brokenLinks(reportDir: string): string[] {
  const broken: string[] = [];
  for (const page of listFiles(reportDir).filter((f) => f.endsWith('.html'))) {
    for (const t of localTargets(reportDir, page)) {
      if (!existsSync(t.file)) broken.push(`${page}: ${t.ref}`);
      else if (t.hash && !readFileSync(t.file, 'utf8').includes(`id="${t.hash}"`)) broken.push(`${page}: ${t.ref} (no #${t.hash})`);
    }
  }
  return broken;
}
