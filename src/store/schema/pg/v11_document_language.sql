-- v11: the language the event's documents are written in (letters, the
-- liaison receipt, reports), a code such as 'vi' (see i18n::Language). One
-- row; absent means English.
CREATE TABLE document_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    language TEXT NOT NULL
);
