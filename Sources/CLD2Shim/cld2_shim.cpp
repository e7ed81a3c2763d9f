// CLD2's public header uses FILE without including <cstdio> itself.
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>

#include "cld2_shim.h"

extern "C" int newsdrop_detect_language(const char *utf8, int length, char *code_out, int code_capacity,
                                        int *percent, int *is_reliable) {
    if (code_out == nullptr || code_capacity < 1 || percent == nullptr || is_reliable == nullptr) {
        return -1;
    }
    code_out[0] = '\0';
    *percent = 0;
    *is_reliable = 0;
    if (utf8 == nullptr || length <= 0) {
        return 0;
    }
    // No C++ exception may unwind into Swift: CLD2 itself does not throw, but its vectors can fail to allocate.
    try {
        CLD2::Language top3[3];
        int percent3[3] = {0, 0, 0};
        double scores3[3];
        int text_bytes = 0;
        bool reliable = false;
        int valid_prefix_bytes = 0;
        // The CheckUTF8 variant stops at the first invalid byte instead of reading garbage as text.
        CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
            utf8, length, /* is_plain_text */ true, /* cld_hints */ nullptr, /* flags */ 0, top3, percent3,
            scores3, /* resultchunkvector */ nullptr, &text_bytes, &reliable, &valid_prefix_bytes);
        const char *code = CLD2::LanguageCode(language);
        if (code == nullptr) {
            code = "un";
        }
        std::strncpy(code_out, code, static_cast<size_t>(code_capacity - 1));
        code_out[code_capacity - 1] = '\0';
        // The summary language is not always the first of the three: CLD2 prefers another language
        // over English when English is only part of the text (boilerplate). Its own share, then.
        *percent = percent3[0];
        for (int index = 0; index < 3; ++index) {
            if (top3[index] == language) {
                *percent = percent3[index];
                break;
            }
        }
        *is_reliable = reliable ? 1 : 0;
        return text_bytes;
    } catch (...) {
        return -1;
    }
}
