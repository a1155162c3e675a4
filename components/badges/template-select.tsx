export type TemplateOption = { id: string; name: string };

export type TemplateSelectProps = {
  id: string;
  templates: TemplateOption[];
  defaultValue?: string;
  /** What is wrong with the choice, shown under it. */
  errors?: string[];
};

/** The "Badge" choice of the console's award forms; submits the template's id as `templateId`. */
export function TemplateSelect({ id, templates, defaultValue, errors }: TemplateSelectProps) {
  const hasErrors = errors !== undefined && errors.length > 0;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Badge
      </label>
      <select
        id={id}
        name="templateId"
        defaultValue={defaultValue}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? `${id}-error` : undefined}
        className="max-w-full rounded-md border border-stone-400 bg-white px-3 py-2"
      >
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {hasErrors ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
