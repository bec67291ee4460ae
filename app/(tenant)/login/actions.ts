"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/nextauth";

export async function signInAction(formData: FormData) {
  try {
    await signIn("credentials", { username: formData.get("username"), password: formData.get("password"), redirectTo: "/" });
  } catch (e) {
    // Success is a redirect thrown by signIn; only refusals are handled here.
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      redirect(`/login?error=${encodeURIComponent(code && code !== "credentials" ? code : "INVALID_CREDENTIALS")}`);
    }
    throw e;
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
