/* Forced into kernel sources built for host unit tests (-include): the
 * kernel's own C-library-named functions get a lucid_ prefix so they neither
 * clash with libc nor with the sanitizers' interceptors. */
#define memcpy lucid_memcpy
#define memmove lucid_memmove
#define memset lucid_memset
#define memcmp lucid_memcmp
#define memchr lucid_memchr
#define strlen lucid_strlen
#define strnlen lucid_strnlen
#define strcmp lucid_strcmp
#define strncmp lucid_strncmp
#define strcpy lucid_strcpy
#define strncpy lucid_strncpy
#define strlcpy lucid_strlcpy
#define strlcat lucid_strlcat
#define strcat lucid_strcat
#define strchr lucid_strchr
#define strrchr lucid_strrchr
#define strstr lucid_strstr
#define strsep lucid_strsep
#define strspn lucid_strspn
#define strcspn lucid_strcspn
#define snprintf lucid_snprintf
#define vsnprintf lucid_vsnprintf
#define sprintf lucid_sprintf
