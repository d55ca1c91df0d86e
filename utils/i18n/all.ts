// Every string, for scripts that show more than badges but use no React (chat and product pages).
import { addMessages } from './core';
import { messages } from './messages';

addMessages(messages);

export * from './core';
