import { emitGameEvent } from "../core/game-events";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { emailHint, passwordHint, usernameHint } from "../net/messages";
import { SignInFailure } from "../net/types";
import { playAsGuest } from "../views/choose-name";
import { type HtmlForm, openForm } from "../views/html-form";
import { UiScene } from "../views/ui-scene";

interface SignInData {
  sessionEnded?: boolean;
  error?: string;
}

function fieldsOf(err: unknown): readonly string[] {
  return err instanceof SignInFailure ? err.fields : [];
}

function messageOf(err: unknown): string {
  if (err instanceof SignInFailure) return err.message;
  return "Something went wrong. Please try again.";
}

/** Email / password sign-in, account creation and guest play, as an accessible HTML form. */
export class SignInScene extends UiScene {
  private form: HtmlForm | null = null;

  constructor() {
    super("SignIn");
  }

  protected build(data: SignInData) {
    this.form = openForm({
      title: "Gift Grab",
      intro: "Grab the gifts, dodge the ice.",
      lead: [
        {
          label: "Play as guest",
          onClick: () => this.attempt(() => playAsGuest(this)),
        },
      ],
      leadSeparator: "or sign in with email to keep your scores everywhere",
      rules: "New account? Fill in all three, then Create account.",
      fields: [
        { name: "email", label: "Email", hint: emailHint, type: "email", autocomplete: "email" },
        {
          name: "password",
          label: "Password",
          hint: passwordHint,
          type: "password",
          autocomplete: "current-password",
        },
        {
          name: "username",
          label: "Username",
          hint: usernameHint,
          type: "text",
          autocomplete: "username",
        },
      ],
      actions: [
        {
          label: "Sign in",
          submit: true,
          onClick: (v) => this.signIn(v.email ?? "", v.password ?? ""),
        },
        {
          label: "Create account",
          kind: "secondary",
          onClick: (v) => this.signUp(v.email ?? "", v.password ?? "", v.username ?? ""),
        },
      ],
    });
    if (data?.sessionEnded) this.form.setNotice("Your session ended — sign in again.");
    if (data?.error) this.form.setError(data.error);
    this.events.once("shutdown", () => {
      this.form?.close();
      this.form = null;
    });
  }

  protected layout() {}

  private signIn(email: string, password: string, takeover = false) {
    if (!email || !password) {
      this.form?.setError("Enter your email and password.");
      return;
    }
    void this.attempt(
      () => getNet().signIn(email, password, { takeover }),
      (err) => {
        if (err instanceof SignInFailure && err.kind === "already_playing") {
          this.form?.setError(err.message || "You're already playing on another device.", {
            label: "Play here instead",
            onClick: () => this.signIn(email, password, true),
          });
          return true;
        }
        return false;
      },
    );
  }

  private signUp(email: string, password: string, username: string) {
    if (!email || !password || !username) {
      const empty = Object.entries({ email, password, username })
        .filter(([, v]) => !v)
        .map(([k]) => k);
      this.form?.setError(
        "To create an account, enter an email, a password and a username.",
        undefined,
        empty,
      );
      return;
    }
    void this.attempt(() => getNet().signUp(email, password, username));
  }

  private async attempt(action: () => Promise<void>, special?: (err: unknown) => boolean) {
    const form = this.form;
    if (!form) return;
    form.setBusy(true);
    form.setError(null);
    emitGameEvent(this, "status", { status: "signing_in" });
    try {
      await whileRunning(this, action());
      emitGameEvent(this, "status", { status: "ready" });
      this.scene.start("Menu");
    } catch (err) {
      emitGameEvent(this, "status", { status: "ready", lastError: messageOf(err) });
      if (!special?.(err)) form.setError(messageOf(err), undefined, fieldsOf(err));
    } finally {
      form.setBusy(false);
    }
  }
}
