/** Public or private, chosen before accepting, with what each means in plain words. */
export function VisibilityChoice() {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">Who can see this badge?</legend>
      <label className="flex gap-2">
        <input type="radio" name="visibility" value="public" defaultChecked className="mt-1" />
        <span>
          <strong>Public</strong> — anyone with the link can see and verify it, and it can appear on your
          public profile. You can share it.
        </span>
      </label>
      <label className="flex gap-2">
        <input type="radio" name="visibility" value="private" className="mt-1" />
        <span>
          <strong>Private</strong> — only you can see it, in your wallet. You can make it public later.
        </span>
      </label>
    </fieldset>
  );
}
