/**
 * Each wall of the lint config, shown to fire: a deliberate violation, linted under the path where it would sit,
 * must fail with the wall's own message, and the allowed way of doing the same thing must pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The messages ESLint gives a piece of code placed at `filePath` in the repository. */
async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.message);
}

interface Wall {
  name: string;
  filePath: string;
  violation: string;
  message: RegExp;
  allowed: string;
}

const WALLS: Wall[] = [
  {
    name: 'views and hooks do not import the database instance',
    filePath: 'renderer/src/features/entities/LintWallFixture.tsx',
    violation: "import { db } from '../../app/database';\nexport const count = () => db.entities.count();\n",
    message: /Views and hooks never hold the database: read with `queries`/,
    allowed: "import { queries } from '../../app/casebook';\nexport const count = (caseId: string) => queries.countCaseRecords(caseId);\n",
  },
  {
    name: 'views and hooks do not import Dexie tables from db/',
    filePath: 'renderer/src/components/LintWallFixture.ts',
    violation: "import { CasebookDB } from '../db/schema';\nexport const open = () => new CasebookDB();\n",
    message: /Views and hooks never hold the database/,
    allowed: "import type { CasebookDB } from '../db/schema';\nexport type Database = CasebookDB;\n",
  },
  {
    name: 'the domain imports neither React nor features',
    filePath: 'renderer/src/domain/lintWallFixture.ts',
    violation: "import { useState } from 'react';\nexport const hook = useState;\n",
    message: /The domain holds rules and transactions only: it imports neither React nor views/,
    allowed: "import { ValidationError } from './errors';\nexport const error = ValidationError;\n",
  },
  {
    name: 'the domain does not import a feature',
    filePath: 'renderer/src/domain/lintWallFixture.ts',
    violation: "import { SECTIONS } from '../features/workspace/sections';\nexport const sections = SECTIONS;\n",
    message: /The domain holds rules and transactions only/,
    allowed: "import { RECORD_KINDS } from '../../../shared/vocabulary';\nexport const kinds = RECORD_KINDS;\n",
  },
  {
    name: 'parsers in import/ do not import db',
    filePath: 'renderer/src/import/lintWallFixture.ts',
    violation: "import { CasebookDB } from '../db/schema';\nexport const open = () => new CasebookDB();\n",
    message: /Parsers in import\/ only turn bytes into a parsed document/,
    allowed: "import { ImportError } from './types';\nexport const error = ImportError;\n",
  },
  {
    name: 'the import pipeline does not import a component or hook file',
    filePath: 'renderer/src/import/pipeline.ts',
    violation: "import { useOperation } from '../components/useOperation';\nexport const hook = useOperation;\n",
    message: /An application service does not import views, hooks or the app's wiring/,
    allowed: "import { explainError } from '../domain/errors';\nexport const explain = explainError;\n",
  },
  {
    name: 'the database knows nothing of search',
    filePath: 'renderer/src/db/lintWallFixture.ts',
    violation: "import { attachSearchIndexing } from '../search';\nexport const attach = attachSearchIndexing;\n",
    message: /The database, anchoring and clean-up know nothing of search or views: wire search to the database in app\/database\.ts/,
    allowed: "import { CasebookDB } from './schema';\nexport const Database = CasebookDB;\n",
  },
  {
    name: 'the clean-up of site text is pure text: no view',
    filePath: 'renderer/src/cleanup/lintWallFixture.ts',
    violation: "import { CleanupDialog } from '../features/documents/reader/CleanupDialog';\nexport const dialog = CleanupDialog;\n",
    message: /The database, anchoring and clean-up know nothing of search or views/,
    allowed: "import { keptTextOf } from './keptText';\nexport const kept = keptTextOf('a', new Set());\n",
  },
  {
    name: 'shared/ imports nothing from renderer/',
    filePath: 'shared/lintWallFixture.ts',
    violation: "import { fold } from '../renderer/src/search/fold';\nexport const folded = fold('x');\n",
    message: /shared\/ is the contract both sides import: it imports nothing from renderer\/ or electron\//,
    allowed: "import { RECORD_TYPES } from './vocabulary';\nexport const types = RECORD_TYPES;\n",
  },
  {
    name: 'shared/ imports nothing from electron/',
    filePath: 'shared/lintWallFixture.ts',
    violation: "import { createMainWindow } from '../electron/main/mainWindow';\nexport const create = createMainWindow;\n",
    message: /shared\/ is the contract both sides import/,
    allowed: "import { BRIDGE_KEY } from './contract';\nexport const key = BRIDGE_KEY;\n",
  },
  {
    name: 'only platform/ touches the bridge',
    filePath: 'renderer/src/features/library/LintWallFixture.ts',
    violation: 'export const info = () => window.casebook.getAppInfo();\n',
    message: /Use platform\/ to reach the host/,
    allowed: "import { host } from '../../platform';\nexport const info = () => host.getAppInfo();\n",
  },
  {
    name: 'the renderer never imports Node or Electron',
    filePath: 'renderer/src/features/library/LintWallFixture.ts',
    violation: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    message: /The renderer cannot use Node modules/,
    allowed: "import { formatBytes } from '../../format';\nexport const size = formatBytes(3);\n",
  },
];

describe('the lint walls', () => {
  for (const wall of WALLS) {
    it(`${wall.name}: a violation fails with the wall's message, the allowed way passes`, async () => {
      const messages = await messagesFor(wall.filePath, wall.violation);
      expect(messages.some((message) => wall.message.test(message)), messages.join('\n')).toBe(true);
      expect(await messagesFor(wall.filePath, wall.allowed)).toEqual([]);
    });
  }
});
