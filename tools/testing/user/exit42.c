/* A tiny program for exec tests: exits with status 42. */
int main(void)
{
	return 42;
}
