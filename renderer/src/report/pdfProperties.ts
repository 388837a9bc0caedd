import { PDFDocument, ParseSpeeds } from 'pdf-lib';

/** The document properties a report carries, shown by every PDF reader and used by search tools and archives. */
export interface PdfProperties {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** "Casebook 0.1.0": the program the report was made with. */
  creator: string;
}

/**
 * Sets the report's document properties and writes it. Chromium's print engine takes only the title (from `<title>`),
 * so pdf-lib sets them all in the document's Info dictionary. pdf-lib's default save keeps the outline, the named
 * destinations and the tagged structure (the tests read them back), so no option is needed.
 */
export async function savePdf(document: PDFDocument, properties: PdfProperties, at = new Date()): Promise<Uint8Array> {
  const printedBy = document.getProducer();
  document.setTitle(properties.title, { showInWindowTitleBar: true });
  if (properties.author) document.setAuthor(properties.author);
  if (properties.subject) document.setSubject(properties.subject);
  if (properties.keywords.length) document.setKeywords(properties.keywords);
  document.setCreator(properties.creator);
  document.setProducer(printedBy ? `${properties.creator} with ${printedBy}` : properties.creator);
  document.setCreationDate(at);
  document.setModificationDate(at);
  // Written in large steps: a report of hundreds of pages is thousands of objects, and the default (a hundred a step,
  // each step waiting for the next task) took seconds of the export for nothing.
  return document.save({ objectsPerTick: 1_500 });
}

/** Sets the properties of a printed PDF's bytes (see `savePdf`). */
export async function setPdfProperties(bytes: Uint8Array, properties: PdfProperties, at = new Date()): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fast });
  return savePdf(document, properties, at);
}
