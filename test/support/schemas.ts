/** The contract's JSON Schemas (draft 2020-12), compiled with ajv's 2020 build. */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const CONTRACT = path.resolve(__dirname, '..', '..', '..', 'shared', 'contract');
const LOCAL_COPY = path.resolve(__dirname, '..', 'contract');

function loadSchema(name: string): object {
  for (const dir of [CONTRACT, LOCAL_COPY]) {
    try {
      return JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      // try the next location
    }
  }
  throw new Error(`schema ${name} not found in ${CONTRACT} or ${LOCAL_COPY}`);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
export const validateStatus = ajv.compile(loadSchema('status.schema.json'));
export const validateLint = ajv.compile(loadSchema('lint.schema.json'));

export function schemaErrors(validate: typeof validateStatus, data: unknown): string {
  return validate(data) ? '' : ajv.errorsText(validate.errors);
}
