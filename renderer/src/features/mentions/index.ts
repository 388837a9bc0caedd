import { lazyComponent } from '../../components/Deferred';

/** The watchlist, loaded when opened. */
export const Watchlist = lazyComponent(() => import('./Watchlist'), 'Watchlist');
