"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/trpc/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function ApiProvider({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }),
  );
  const [client] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={client} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The translated message of a failed call: the server only ever sends a catalogue code and its parameters. */
export function useErrorMessage() {
  const t = useTranslations();
  return (error: unknown) => {
    const data =
      error instanceof TRPCClientError
        ? (error.data as { appCode?: string; params?: Record<string, string> } | undefined)
        : undefined;
    const params = data?.params ?? {};
    // Some errors name a more precise message (e.g. why a national number is invalid).
    if (params.messageKey && t.has(params.messageKey)) return t(params.messageKey, params);
    const code = data?.appCode && t.has(`errors.${data.appCode}`) ? data.appCode : "INTERNAL";
    return t(`errors.${code}`, params);
  };
}
