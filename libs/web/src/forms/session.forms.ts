import { OptionalText } from './order.forms';

/** HR or the session's trainer cancels a seminar session; the reason goes to every officer who held a seat. */
export class CancelSessionForm {
  @OptionalText(500)
  reason?: string;
}
