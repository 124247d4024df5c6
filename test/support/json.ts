// Response bodies in tests are read loosely; assertions check their shape.
export type Loose = any;

export async function readJson(response: Response): Promise<Loose> {
  return response.json();
}
