import { language, setLanguage, T } from "./text";

/** "English" / "Tiếng Việt": switches the interface and tells the page to render again. */
export function LanguageSwitch({
  onSwitch,
  className = "link",
}: {
  onSwitch: () => void;
  className?: string;
}) {
  const other = language() === "vi" ? "en" : "vi";
  return (
    <button
      type="button"
      className={className}
      lang={other}
      onClick={() => {
        setLanguage(other);
        onSwitch();
      }}
    >
      {T.otherLanguage}
    </button>
  );
}
