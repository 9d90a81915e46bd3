/** human-tone report: placeholder until the team report lands (issue 5). */
import { UsageError } from './args.js';

export async function report(_argv: string[]): Promise<number> {
  throw new UsageError('the report command is not built yet');
}
