/**
 * The import benchmark's material: 1,000 documents of mixed types, each unique, generated here in Node with the same
 * libraries the fixtures use (pdf-lib, docx), then handed to the page to import through the real pipeline.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface BenchFile {
  name: string;
  base64: string;
}

const WORDS = (
  'harbour ledger quay vessel cargo container customs manifest berth pilot invoice transfer account director ' +
  'company shipment freight warehouse inspection audit payment contract witness statement prosecutor court ' +
  'hearing evidence crane tanker trawler reefer logistics broker agent captain crew dock terminal'
).split(' ');

function paragraph(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Makes `count` documents: 40% saved web pages, 25% text, 15% Markdown, 10% PDF, 10% DOCX. */
export async function generateImportBatch(count: number): Promise<BenchFile[]> {
  const random = seeded(42);
  const files: BenchFile[] = [];
  for (let index = 0; index < count; index++) {
    const title = `Report ${index}: ${paragraph(random, 5).slice(0, -1)}`;
    const body = Array.from({ length: 8 }, () => paragraph(random, 60));
    const slot = index % 20;
    let name: string;
    let bytes: Uint8Array;
    if (slot < 8) {
      name = `page-${index}.html`;
      bytes = new TextEncoder().encode(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
          `<meta property="og:site_name" content="Harbour Herald"></head><body>` +
          `<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>` +
          `<div class="ad">ADVERTISEMENT</div><article><h1>${escape(title)}</h1>` +
          body.map((text) => `<p>${escape(text)}</p>`).join('') +
          `</article><aside>Newsletter: sign up</aside><footer>© Harbour Herald</footer></body></html>`,
      );
    } else if (slot < 13) {
      name = `notes-${index}.txt`;
      bytes = new TextEncoder().encode(`${title}\n\n${body.join('\n\n')}\n`);
    } else if (slot < 16) {
      name = `memo-${index}.md`;
      bytes = new TextEncoder().encode(`# ${title}\n\n${body.map((text, i) => (i % 3 === 2 ? `- ${text}` : text)).join('\n\n')}\n`);
    } else if (slot < 18) {
      name = `filing-${index}.pdf`;
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      for (let pageNumber = 0; pageNumber < 2; pageNumber++) {
        const page = pdf.addPage([595, 842]);
        page.drawText(pageNumber === 0 ? title : `Page ${pageNumber + 1}`, { x: 50, y: 790, size: 14, font });
        body.slice(pageNumber * 4, pageNumber * 4 + 4).forEach((text, line) => {
          for (let chunk = 0; chunk * 90 < text.length; chunk++)
            page.drawText(text.slice(chunk * 90, chunk * 90 + 90), { x: 50, y: 750 - line * 120 - chunk * 16, size: 10, font });
        });
      }
      bytes = await pdf.save();
    } else {
      name = `statement-${index}.docx`;
      const document = new Document({
        sections: [
          { children: [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }), ...body.map((text) => new Paragraph(text))] },
        ],
      });
      bytes = new Uint8Array(await Packer.toArrayBuffer(document));
    }
    files.push({ name, base64: Buffer.from(bytes).toString('base64') });
  }
  return files;
}
