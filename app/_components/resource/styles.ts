/** Class names shared by the grid and detail views, so that every button and input looks alike. */
export const toolButton =
  "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";
export const primaryButton =
  "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:cursor-not-allowed disabled:opacity-50";
export const dangerButton =
  "rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50";
export const inputClass =
  "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-700";
export const alertClass = "rounded bg-red-50 p-3 text-sm text-red-800";
