import { SubmitButton } from "@/components/ui/submit-button";
import { SSO_BUTTON_LABEL } from "@/lib/sso";
import { ssoSignInAction } from "./actions";

/** The one button of 统一身份认证: it leaves for the identity platform, which sends the user back signed in. */
export function SsoForm({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <form action={ssoSignInAction} className="[&_button]:w-full [&_button]:justify-center [&_button]:py-2 [&_button]:text-base">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <SubmitButton>{SSO_BUTTON_LABEL}</SubmitButton>
    </form>
  );
}
