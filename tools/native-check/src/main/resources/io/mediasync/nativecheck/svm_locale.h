/* The locale structure of GraalVM's libchelper, which the builder's C query step compiles against. */
const int SVM_LOCALE_INITIALIZATION_USE_DEFAULT = 0;
const int SVM_LOCALE_INITIALIZATION_SUCCEEDED = 1;
const int SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY = 2;
typedef struct {
    char* format_language;
    char* format_script;
    char* format_country;
    char* format_variant;
    char* display_language;
    char* display_script;
    char* display_country;
    char* display_variant;
} svm_locale_props_t;
