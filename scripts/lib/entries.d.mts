export function elementNames(pkg?: { exports: Record<string, unknown> }): string[];
