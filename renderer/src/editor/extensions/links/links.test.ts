// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { testEditor, typeText } from '../testing';
import { isLinkable } from '.';

describe('links', () => {
  it('are made of web and mail addresses as they are typed', () => {
    const editor = testEditor();
    typeText(editor, 'See https://example.org/log and mailto:pilot@example.org ');
    const hrefs = [...editor.getHTML().matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['https://example.org/log', 'mailto:pilot@example.org']);
  });

  it('are set on the selection only for web and mail addresses', () => {
    const editor = testEditor('<p>the log</p>');
    editor.commands.selectAll();
    expect(editor.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false);
    expect(editor.commands.setLink({ href: 'file:///etc/passwd' })).toBe(false);
    expect(editor.getHTML()).toBe('<p>the log</p>');
    expect(editor.commands.setLink({ href: 'https://example.org/log' })).toBe(true);
    expect(editor.getHTML()).toContain('href="https://example.org/log"');
  });

  it('are dropped from stored or pasted text when their address could run or open a program', () => {
    const editor = testEditor('<p><a href="javascript:alert(1)">click</a> <a href="https://example.org">site</a></p>');
    expect(editor.getHTML()).not.toContain('javascript:');
    expect(editor.getHTML()).toContain('href="https://example.org"');
  });

  it('accept web and mail addresses and addresses without a scheme', () => {
    expect(['https://a.org', 'HTTP://a.org', 'mailto:a@b.org', 'example.org/page'].every(isLinkable)).toBe(true);
    expect(['javascript:alert(1)', 'data:text/html,x', 'file:///x', 'tel:123', ' '].some(isLinkable)).toBe(false);
  });
});
