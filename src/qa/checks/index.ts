import type { Check } from '../check.js';
import { brackets } from './brackets.js';
import { empty } from './empty.js';
import { meaning } from './meaning.js';
import { names } from './names.js';
import { numbers } from './numbers.js';
import { placeholders } from './placeholders.js';
import { quotes } from './quotes.js';
import { untranslated } from './untranslated.js';
import { urls } from './urls.js';
import { whitespace } from './whitespace.js';

/** Every check, in report order. `empty` first: it switches the others off for its pair. */
export const checks: readonly Check[] = [empty, numbers, meaning, quotes, names, placeholders, urls, brackets, untranslated, whitespace];
