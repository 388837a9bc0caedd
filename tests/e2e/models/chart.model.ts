import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The exported JSON of the chart, as the tests read it. */
export interface ExportedChart {
  format: string;
  nodes: { id: string; label: string; type: string; typeLetter: string; typeColour: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; type: string; label: string; confidence: string }[];
}

/** The case's link chart (Entities › Link chart): its tools, its status line, and the list of the entities shown. */
export class LinkChartPage {
  constructor(readonly page: Page) {}

  get chart() {
    return this.page.getByRole('region', { name: 'Link chart' });
  }

  get status() {
    return this.chart.getByRole('status').first();
  }

  /** The list of the entities shown (behind a disclosure), each row opening one. */
  async shownNames(): Promise<string[]> {
    const details = this.chart.locator('details.link-chart-list');
    if (!(await details.evaluate((element: HTMLDetailsElement) => element.open))) await details.locator('summary').click();
    const list = this.chart.getByRole('list', { name: 'Entities shown in the chart' });
    return (await list.getByRole('listitem').locator('button.link-button').allTextContents()).sort();
  }

  /** Waits until the chart is drawn and its entities no longer move (the layout has settled, or had nothing to do). */
  async settled() {
    await expect(this.chart).toHaveAttribute('aria-busy', 'false');
    await expect(this.status).not.toContainText('arranging');
  }

  /** Where an entity is drawn on the screen, from the marks the chart keeps over its drawing. */
  async placeOf(name: string): Promise<{ x: number; y: number }> {
    const box = await this.mark(name).boundingBox();
    expect(box, `“${name}” is drawn`).not.toBeNull();
    return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
  }

  mark(name: string): Locator {
    return this.chart.locator(`.link-chart-places [data-entity-name="${name}"]`);
  }

  /** Ticks or unticks an entity type in the Entity types filter. */
  async toggleEntityType(type: string) {
    const menu = this.chart.locator('details.link-chart-menu', { hasText: 'Entity types' });
    await menu.locator('summary').click();
    await menu.getByRole('checkbox', { name: type }).click();
    await menu.locator('summary').click();
  }

  async focusOn(text: string, steps: 1 | 2 | 3) {
    const form = this.chart.getByRole('form', { name: 'Neighbourhood' });
    await form.getByRole('combobox', { name: 'Neighbourhood of' }).fill(text);
    await form.getByRole('combobox', { name: 'within' }).selectOption(String(steps));
    await form.getByRole('button', { name: 'Focus' }).click();
  }

  async findPath(from: string, to: string) {
    const form = this.chart.getByRole('form', { name: 'Shortest path' });
    await form.getByRole('combobox', { name: 'Path from' }).fill(from);
    await form.getByRole('combobox', { name: 'Path to' }).fill(to);
    await form.getByRole('button', { name: 'Find path' }).click();
  }

  /** Exports the entities and relationships shown as JSON (a download in the browser) and reads the file. */
  async exportJson(): Promise<ExportedChart> {
    const download = this.page.waitForEvent('download');
    await this.chart.getByRole('button', { name: 'JSON' }).click();
    return JSON.parse(await readFile(await (await download).path(), 'utf8')) as ExportedChart;
  }
}
