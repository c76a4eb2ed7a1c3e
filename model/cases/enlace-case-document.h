/* enlace-case-document.h: the documents a case generates — the request
 * form (the case's main document), memos, notices and answers — as
 * content: texts and label/value rows, no drawing.  views/render draws
 * them (enlace-render-document.h) on paper, in a PDF or a print job.
 *
 * The header comes from the project's meta keys: "institution",
 * "department" (default: the communications and links department) and
 * "author" (who signs for the department when the case has no assignee).
 */
#pragma once

#include <glib.h>

#include "enlace-cases.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_DOCUMENT_FORM,    /* "form": the request form, the case's main document */
  ENLACE_DOCUMENT_MEMO,    /* "memo": e.g. the new internet connection's memo */
  ENLACE_DOCUMENT_NOTICE,  /* "notice": e.g. the removal notice to the area and the user */
  ENLACE_DOCUMENT_ANSWER,  /* "answer": the department's answer to the requester */
  ENLACE_DOCUMENT_DICTAMEN, /* "dictamen": the signed technical opinion (enlace-case-dictamen.c) */
} EnlaceDocumentKind;

const char *enlace_document_kind_to_string   (EnlaceDocumentKind  kind);
gboolean    enlace_document_kind_from_string (const char         *s,
                                              EnlaceDocumentKind *out);
/* Translated name of the kind ("Memorándum"). */
const char *enlace_document_kind_label       (EnlaceDocumentKind  kind);

/* One row of the filled fields. */
typedef struct
{
  char *label;
  char *value;
} EnlaceDocumentRow;

/* A signature line: the name under the line and the role under the name. */
typedef struct
{
  char *name;   /* may be "" (a blank line to sign by hand) */
  char *role;   /* "Solicitante", "Recibió" */
} EnlaceDocumentSignature;

/* A table of several columns (the dictamen's comparison of quotes): a
 * title, a heading row and the rows, each a NULL-terminated array of
 * cells (char**) as long as the heading. */
typedef struct
{
  char      *title;
  GPtrArray *rows;     /* of char**, row 0 the heading */
} EnlaceDocumentTable;

typedef struct
{
  EnlaceDocumentKind  kind;
  gint64              case_id;
  char               *institution;  /* may be NULL */
  char               *department;
  char               *title;        /* "Memorándum" */
  char               *subtitle;     /* the procedure's name */
  char               *folio;
  char               *date;         /* "5 de diciembre de 2026" */
  char               *to;           /* addressee, may be NULL: "Name, position — area" */
  char               *from;         /* sender, may be NULL */
  char               *subject;      /* one line */
  char               *to_email;     /* the addressee's e-mail address, may be NULL */
  GPtrArray          *paragraphs;   /* of char* */
  GPtrArray          *rows;         /* of EnlaceDocumentRow* */
  GPtrArray          *signatures;   /* of EnlaceDocumentSignature* */
  char               *footer;       /* small print at the foot of each page */
  /* after the rows, before the signatures (may be empty) */
  char               *rows_heading; /* NULL: "Details" */
  GPtrArray          *tables;       /* of EnlaceDocumentTable* */
  char               *closing_heading; /* may be NULL */
  GPtrArray          *closing;      /* of char*: paragraphs after the tables */
} EnlaceCaseDocument;

void                enlace_document_table_free  (EnlaceDocumentTable *table);
void                enlace_case_document_free   (EnlaceCaseDocument *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCaseDocument, enlace_case_document_free)

/* The kinds of document @c offers, main document ("form") first: the
 * form, the memo / notice of its procedure's document steps, the answer.
 * Returns an array of EnlaceDocumentKind. */
GArray             *enlace_case_document_kinds  (const EnlaceCase *c);
gboolean            enlace_case_document_available (const EnlaceCase  *c,
                                                    EnlaceDocumentKind kind);

/* Builds the content of document @kind of @c.  @date: the date printed
 * (NULL: now).  Refused (ENLACE_STORE_ERROR_INVALID) when the case's
 * procedure has no such document. */
EnlaceCaseDocument *enlace_case_document_build  (EnlaceStore        *store,
                                                 const EnlaceCase   *c,
                                                 EnlaceDocumentKind  kind,
                                                 GDateTime          *date,
                                                 GError            **error);

/* The document as plain text (the body of an e-mail, the CLI). */
char               *enlace_case_document_to_text (const EnlaceCaseDocument *doc);

/* "mailto:ADDR?subject=…&body=…", every byte of subject and body that is
 * not unreserved percent-encoded as UTF-8 (RFC 6068), line breaks as
 * %0D%0A.  @to may be NULL or "" (the mail program asks). */
char               *enlace_case_document_mailto (const char *to,
                                                 const char *subject,
                                                 const char *body);
/* The mailto: of @doc: to its addressee, its subject, its text. */
char               *enlace_case_document_mailto_for (const EnlaceCaseDocument *doc);

/* Records on the case's timeline (a command) that @doc was generated
 * ("document", @detail: e.g. the file written, may be NULL) or sent by
 * e-mail ("sent", @detail: the address, may be NULL). */
gint64              enlace_case_document_record (EnlaceStore               *store,
                                                 const EnlaceCaseDocument  *doc,
                                                 const char                *event_kind,
                                                 const char                *detail,
                                                 GError                   **error);

G_END_DECLS
