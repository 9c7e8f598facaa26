-- v10: each operator's language, a code such as 'vi' (see i18n::Language);
-- NULL for the machine's default (ACCREDIT_LANG, else the system's locale).
ALTER TABLE operators ADD COLUMN language TEXT;
