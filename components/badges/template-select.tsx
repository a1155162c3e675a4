export type TemplateOption = { id: string; name: string };

export type TemplateSelectProps = {
  id: string;
  templates: TemplateOption[];
  defaultValue?: string;
};

/** The "Badge" choice of the console's award forms; submits the template's id as `templateId`. */
export function TemplateSelect({ id, templates, defaultValue }: TemplateSelectProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Badge
      </label>
      <select
        id={id}
        name="templateId"
        defaultValue={defaultValue}
        className="rounded-md border border-stone-400 bg-white px-3 py-2"
      >
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
