/** Small controls inside dashboard widgets. */
export const widgetButton = "rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-100";
export const widgetLink = "text-blue-800 underline hover:text-blue-950";
