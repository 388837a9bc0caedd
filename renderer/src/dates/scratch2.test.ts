import { it } from 'vitest';
import { chronoFor, yearsAfterPrepositions } from './parsers';
it('s', () => {
  const re = yearsAfterPrepositions.pattern(null as never);
  console.log(re.exec('Since 2018 the group'), re.exec('In 2019 and'));
  console.log(chronoFor('en').parse('Since 2018 the group. In 2019, they', new Date()).map((r) => r.text));
  console.log(chronoFor('en').parsers.length);
});
