// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusRecordWhenShown } from './focusNewRecord';

/** Lets the MutationObserver's callbacks run. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('focusRecordWhenShown', () => {
  let panel: HTMLElement;
  let searchBox: HTMLInputElement;
  let stop: () => void = () => {};

  beforeEach(() => {
    searchBox = document.createElement('input');
    panel = document.createElement('div');
    document.body.append(searchBox, panel);
  });

  afterEach(() => {
    stop();
    document.body.replaceChildren();
  });

  const showHeading = async (text: string) => {
    const heading = document.createElement('h2');
    heading.textContent = text;
    panel.append(heading);
    await observed();
    return heading;
  };

  it('moves the focus to the new record’s heading once its view appears', async () => {
    stop = focusRecordWhenShown(panel);
    const heading = await showHeading('Ilse Marek');
    expect(document.activeElement).toBe(heading);
  });

  it('takes the focus from inside the panel, where the record was made', async () => {
    const button = document.createElement('button');
    panel.append(button);
    button.focus();
    stop = focusRecordWhenShown(panel);
    const heading = await showHeading('Ilse Marek');
    expect(document.activeElement).toBe(heading);
  });

  it('leaves the focus in the search box when the researcher turned to it before the view appeared', async () => {
    stop = focusRecordWhenShown(panel);
    // Saving took a while: the researcher typed a search meanwhile.
    searchBox.focus();
    await showHeading('Ilse Marek');
    expect(document.activeElement).toBe(searchBox);
  });

  it('leaves the focus in the search box when the researcher was there as the record was shown', async () => {
    searchBox.focus();
    stop = focusRecordWhenShown(panel);
    await showHeading('Ilse Marek');
    expect(document.activeElement).toBe(searchBox);
  });

  it('puts the focus in the first field of a record shown as its form (a note), once the form appears', async () => {
    stop = focusRecordWhenShown(panel, 'first field');
    const form = document.createElement('form');
    const title = document.createElement('input');
    form.append(title);
    panel.append(form);
    await observed();
    expect(document.activeElement).toBe(title);
  });
});
