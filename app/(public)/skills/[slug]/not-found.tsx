import Link from 'next/link';

export default function SkillNotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-3xl font-bold">No data for this skill</h1>
      <p className="text-stone-700">
        The labor-market data Laurel has imported does not list this skill, so there are no occupations, pay
        or listings to show for it.
      </p>
      <p>
        <Link href="/explore" className="font-medium underline">
          Search skills, occupations and job titles
        </Link>
      </p>
    </div>
  );
}
