/** Types of stopCeph.cjs. */
export declare function stopCephAt(dir: string, groupPid: number | undefined): Promise<void>;
