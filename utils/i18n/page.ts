// The few strings of the always-on order-page script (badges, tooltips, the sidebar tab).
import { addMessages } from './core';
import * as page from './parts/page';

addMessages(page);

export * from './core';
