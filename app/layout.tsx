import type { Metadata } from "next";
import { getLocale, getTimeZone } from "next-intl/server";
import { IntlProvider } from "@/app/_components/intl-provider";
import type { Locale } from "@/server/i18n/locale";
import "./globals.css";

export const metadata: Metadata = { title: "Entraide" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <IntlProvider locale={locale} timeZone={await getTimeZone()}>
          {children}
        </IntlProvider>
      </body>
    </html>
  );
}
