declare module 'write-good';
