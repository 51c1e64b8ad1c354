/** Every import cycle among the .ts/.tsx files under `srcDir`, each as relative paths. */
export function findImportCycles(srcDir: string): string[][];
