/**
 * The list `@` and `[[` open under the caret: a listbox the editor controls (aria-controls and aria-activedescendant
 * on the editing area, which keeps the focus), driven by Up, Down, Enter and Escape, or a click. Plain DOM, so it
 * costs nothing until opened and nothing while typing elsewhere.
 */

let menus = 0;

export interface MenuItem {
  text: string;
  detail?: string;
}

export class SuggestionMenu {
  readonly element: HTMLDivElement;
  private readonly list: HTMLUListElement;
  private readonly message: HTMLParagraphElement;
  private readonly id = `record-suggestions-${++menus}`;
  private items: readonly MenuItem[] = [];
  private active = 0;

  constructor(
    private readonly editorDom: HTMLElement,
    label: string,
    private readonly onChoose: (index: number) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'record-suggestions';
    this.message = document.createElement('p');
    this.message.className = 'muted small';
    this.message.setAttribute('role', 'status');
    this.list = document.createElement('ul');
    this.list.id = this.id;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', label);
    // The editor keeps the focus (and the caret) while an option is clicked.
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option) this.onChoose(Number(option.dataset.index));
    });
    this.element.append(this.list, this.message);
    editorDom.setAttribute('aria-autocomplete', 'list');
    editorDom.setAttribute('aria-haspopup', 'listbox');
    editorDom.setAttribute('aria-controls', this.id);
  }

  /** Shows the options (the first one active), or `empty` in words when there are none. */
  show(label: string, items: readonly MenuItem[], empty = ''): void {
    this.list.setAttribute('aria-label', label);
    this.items = items;
    this.active = 0;
    this.list.replaceChildren(
      ...items.map((item, index) => {
        const option = document.createElement('li');
        option.id = `${this.id}-${index}`;
        option.setAttribute('role', 'option');
        option.dataset.index = String(index);
        option.textContent = item.text;
        if (item.detail) {
          const detail = document.createElement('span');
          detail.className = 'muted small';
          detail.textContent = ` ${item.detail}`;
          option.append(detail);
        }
        return option;
      }),
    );
    this.message.textContent = items.length ? '' : empty;
    this.element.hidden = !items.length && !empty;
    this.editorDom.setAttribute('aria-expanded', String(items.length > 0));
    this.mark();
  }

  /** Says something under the list (a refusal, "Finding…"). */
  say(message: string): void {
    this.message.textContent = message;
    this.element.hidden = false;
  }

  get open(): boolean {
    return this.items.length > 0;
  }

  move(by: number): void {
    if (!this.items.length) return;
    this.active = (this.active + by + this.items.length) % this.items.length;
    this.mark();
  }

  choose(): void {
    if (this.items.length) this.onChoose(this.active);
  }

  private mark(): void {
    this.list.querySelectorAll('[role="option"]').forEach((option, index) => {
      const active = index === this.active;
      option.setAttribute('aria-selected', String(active));
      option.classList.toggle('active', active);
      if (active) option.scrollIntoView?.({ block: 'nearest' });
    });
    if (this.items.length) this.editorDom.setAttribute('aria-activedescendant', `${this.id}-${this.active}`);
    else this.editorDom.removeAttribute('aria-activedescendant');
  }

  destroy(): void {
    for (const name of ['aria-autocomplete', 'aria-haspopup', 'aria-controls', 'aria-activedescendant']) this.editorDom.removeAttribute(name);
    this.editorDom.setAttribute('aria-expanded', 'false');
    this.element.remove();
  }
}
