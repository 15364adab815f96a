// Express 4 is installed under an npm alias (express4@npm:express@4); its API, as these tests use
// it, is typed as Express 5's.
declare module 'express4' {
  import express from 'express'
  export default express
}
