import { HostError } from '../../../shared/contract';
import { notify } from '../components/notices';
import { findInDocument } from './findInDocument';
import { goToLibrary, goToSections } from './goTo';
import { importFiles } from './importFiles';
import { markExcerpt } from './markExcerpt';
import { newEventFromExcerpt } from './newEventFromExcerpt';
import { newRecordCommands } from './newRecord';
import { openCodebook } from './openCodebook';
import { openLinkChart } from './openLinkChart';
import { openEntityTypes, openRelationshipTypes } from './openTypes';
import { openPalette } from './openPalette';
import { CommandRegistry } from './registry';
import { linkSelectionToEntity, newEntityFromSelection } from './selectionToEntity';
import { nextExcerpt, previousExcerpt } from './stepExcerpt';
import { suggestEntities } from './suggestEntities';
import { findDates } from './findDates';
import { exportReport } from './exportReport';
import { exportCodebookAsRefiQda, exportEntitiesAsFollowTheMoney } from './exportExchange';
import { exportArchive, importArchive, restoreBackup } from './archive';
import { showStorage } from './showStorage';

/** Every command of the app, in the order the palette lists them. */
export const commandRegistry = new CommandRegistry(
  [openPalette, importFiles, ...newRecordCommands, exportReport, exportArchive, importArchive, restoreBackup, showStorage, exportEntitiesAsFollowTheMoney, exportCodebookAsRefiQda, findInDocument, markExcerpt, nextExcerpt, previousExcerpt, newEntityFromSelection, linkSelectionToEntity, suggestEntities, findDates, newEventFromExcerpt, goToLibrary, ...goToSections, openCodebook, openLinkChart, openEntityTypes, openRelationshipTypes],
  (command, error) => {
    console.error(`[casebook] ${command.id} failed`, error);
    const reason = error instanceof Error ? error.message : String(error);
    notify('error', error instanceof HostError ? reason : `${command.label} did not work: ${reason}. Try again.`);
  },
);

export { CommandsProvider, useCommandTarget, useRunCommand } from './CommandsProvider';
export { PaletteButton } from './PaletteButton';
export { goToSectionId } from './goTo';
export { TYPES_PARAM, type TypesDialogName } from './openTypes';
export { commandHint } from './shortcuts';
