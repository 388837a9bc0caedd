import { PDFDocument } from 'pdf-lib';

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
 * Sets the report's document properties. Chromium's print engine takes only the title (from `<title>`), so pdf-lib
 * sets them all in the document's Info dictionary. pdf-lib rewrites the whole file; its default save keeps the
 * outline, the named destinations and the tagged structure (the tests read them back), so no option is needed.
 */
export async function setPdfProperties(bytes: Uint8Array, properties: PdfProperties, at = new Date()): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const printedBy = document.getProducer();
  document.setTitle(properties.title, { showInWindowTitleBar: true });
  if (properties.author) document.setAuthor(properties.author);
  if (properties.subject) document.setSubject(properties.subject);
  if (properties.keywords.length) document.setKeywords(properties.keywords);
  document.setCreator(properties.creator);
  document.setProducer(printedBy ? `${properties.creator} with ${printedBy}` : properties.creator);
  document.setCreationDate(at);
  document.setModificationDate(at);
  return document.save();
}
