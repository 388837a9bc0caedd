import { readFileRangeRequestSchema } from '../../../shared/contractSchemas';
import type { FileTokens } from '../services/fileTokens';
import { defineHandler } from './guard';

/** Reads a window of a file main gave a token for: a case archive the system opened, or a backup. */
export function readFileRangeHandler(tokens: FileTokens) {
  return defineHandler({
    name: 'readFileRange',
    action: 'read the file',
    schema: readFileRangeRequestSchema,
    run: (request) => tokens.readRange(request.token, request.offset, request.length),
  });
}
