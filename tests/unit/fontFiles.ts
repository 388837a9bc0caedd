import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The @fontsource packages the report ships, longest names first ("noto-sans-sc-…" is not Noto Sans's). */
const PACKAGES = ['noto-sans-mono', 'noto-sans-sc', 'noto-sans-jp', 'noto-sans-kr', 'noto-serif', 'noto-sans'];

const packageDirectory = (name: string) => fileURLToPath(new URL(`../../node_modules/@fontsource/${name}/`, import.meta.url));

/** A report font file's bytes, read from its package by its name, as the build would serve it (unit tests only). */
export async function readFontFile(_url: string, file: string): Promise<Uint8Array> {
  const name = PACKAGES.find((candidate) => file.startsWith(`${candidate}-`));
  if (!name) throw new Error(`${file} is not a file of the report's fonts.`);
  return new Uint8Array(await readFile(`${packageDirectory(name)}files/${file}`));
}

/** A font package's unicode.json: subset name → unicode-range. */
export async function readFontRanges(name: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(`${packageDirectory(name)}unicode.json`, 'utf8')) as Record<string, string>;
}
