import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { SECTIONS } from './sections';

/** Alt+1 … Alt+6 jump to the workspace's sections, and move the focus to the section's content. */
export function useSectionShortcuts(caseId: string) {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.code.replace('Digit', '')) - 1;
      const section = Number.isInteger(index) ? SECTIONS[index] : undefined;
      if (!section) return;
      event.preventDefault();
      navigate(`/case/${caseId}${section.path ? `/${section.path}` : ''}`);
      requestAnimationFrame(() => document.getElementById('main')?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [caseId, navigate]);
}
