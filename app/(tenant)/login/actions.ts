"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/nextauth";

export async function signInAction(formData: FormData) {
  try {
    await signIn("credentials", {
      username: formData.get("username"),
      password: formData.get("password"),
      code: formData.get("code") ?? "",
      redirectTo: "/",
    });
  } catch (e) {
    // Success is a redirect thrown by signIn; only refusals are handled here.
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      const reason = code && code !== "credentials" ? code : "INVALID_CREDENTIALS";
      // Keep the user name when only the second factor is missing or wrong.
      const keep = reason.startsWith("TOTP_")
        ? `&username=${encodeURIComponent(String(formData.get("username") ?? ""))}`
        : "";
      redirect(`/login?error=${encodeURIComponent(reason)}${keep}`);
    }
    throw e;
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
