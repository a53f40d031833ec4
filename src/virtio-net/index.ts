export * from './net';
