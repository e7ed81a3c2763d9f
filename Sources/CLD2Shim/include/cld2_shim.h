#ifndef CLD2_SHIM_H
#define CLD2_SHIM_H

// A C face for CLD2, which is C++ only, so that Swift can call it without C++ interoperability.

#ifdef __cplusplus
extern "C" {
#endif

/// Guesses the language of plain UTF-8 text with CLD2.
///
/// Wraps CLD2::ExtDetectLanguageSummaryCheckUTF8 in plain-text mode. Writes CLD2's code for the top
/// language ("en", "iw", "zh-Hant", "un" when unknown) NUL-terminated into code_out (truncated to
/// code_capacity - 1 bytes), its share of the text in percent (0...100) and whether CLD2 calls the guess
/// reliable (0 or 1). Invalid UTF-8 is scored only up to its first bad byte.
/// Returns the number of letter bytes CLD2 scored, or -1 when CLD2 failed (nothing useful was written).
int newsdrop_detect_language(const char *utf8, int length, char *code_out, int code_capacity, int *percent,
                             int *is_reliable);

#ifdef __cplusplus
}
#endif

#endif
